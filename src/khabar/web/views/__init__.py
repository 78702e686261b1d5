"""What each page shows, as plain JSON-ready data read from the corpus: the
JSON API returns it as it is, the templates render it. Where `khabar.store`
offers a query (search, trends) it is used; the rest is written here against
the store's tables."""
