"""Live updates for partner units and big screens, over graphql-transport-ws."""
