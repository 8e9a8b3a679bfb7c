"""Domain rules: plain async functions over the models, with no GraphQL in them."""
