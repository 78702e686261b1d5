"""From bytes and files to text (and, later, to Articles)."""
