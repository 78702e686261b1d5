"""The Persian language itself: characters, normalization, tokens. Knows nothing about news."""
