// jemalloc's settings, read by jemalloc itself when it starts (before main), in every program
// that links this target: the command line and the tests alike (Package.swift links jemalloc here).
//
// Freed pages stay with the process rather than going back to the system after a few seconds:
// `serve` and `--watch` rebuild every few seconds, and each rebuild would fault them in again (a
// data rebuild of 10,000 pages took 159 ms instead of 129 ms). The process keeps the memory of its
// largest build until it stops. (Under glibc's malloc this string is never read.)
const char *malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1";
