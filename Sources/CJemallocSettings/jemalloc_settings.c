// The settings jemalloc reads when kotoba starts (jemalloc(3), "malloc_conf"): the executable's
// definition of this symbol takes the place of the library's empty one. MALLOC_CONF in the
// environment still adds to and overrides it.
//
// background_thread:true — a jemalloc thread returns freed pages to the system in the
//   background, so the workers never stop to do it;
// dirty_decay_ms:1000 — pages freed and not used again within a second go back (the default is
//   ten seconds): a run frees a phase's memory (the workers' counts, a report's rows) before the
//   next phase's peak, and with ten seconds those pages were still held at it. On the ten-times
//   man pages the peak RSS went from 460 to 391 MB at two jobs, the run's time unchanged
//   (BENCHMARKS.md, 2026-12-06, fourth session);
// muzzy_decay_ms:0 — pages given back are given back at once, not kept "muzzy" for reuse.
#if defined(__linux__)
const char *malloc_conf = "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";
#endif
