"""What the tests and the benchmark share: a server to drive, the browser's launch flags, and naive answers
(plain Python over the files) to hold the query layer to.  bench/ and tests/ import this, never each other."""
