"""Sign-in, access tokens and partner API keys."""
