// jemalloc's settings for the kotoba executable: see jemalloc_settings.c. Nothing to call; the
// allocator reads the `malloc_conf` symbol itself when the process starts.
