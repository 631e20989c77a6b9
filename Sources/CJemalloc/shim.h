// jemalloc as the command line's memory allocator (Debian `libjemalloc-dev`). Linked into the
// `safersite` executable only: glibc's malloc was a quarter of a large build's time.
#include <jemalloc/jemalloc.h>
