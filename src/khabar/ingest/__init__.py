"""From bytes and files to Articles.

`reader.read(path_or_bytes)` reads one article; `reader.iter_articles(data, name)`
every article of an input (and an error in the place of each one it could
not read); `inputs.read_input(path)` the same from a file or stdin, never
raising; `batch.ingest(paths, out)` a resumable batch with an errors log;
`files.walk(paths)` the folder walk; `limits.Limits` the limits of all of it.
"""
