#ifndef CMARKARENA_H
#define CMARKARENA_H
#include <stddef.h>

/// A bump allocator for cmark, one per thread (see arena.c). Its three functions have the shape
/// of cmark's `cmark_mem`; `mark` and `release` bracket the life of one parsed tree.
void *safer_arena_calloc(size_t count, size_t size);
void *safer_arena_realloc(void *pointer, size_t size);
void safer_arena_free(void *pointer);

/// Where this thread's arena has got to.
typedef struct safer_arena_mark {
    void *chunk;
    size_t used;
} safer_arena_mark;

safer_arena_mark safer_arena_mark_now(void);
/// Gives back everything allocated on this thread since `mark` (nested marks must be released
/// first, as a stack).
void safer_arena_release(safer_arena_mark mark);
/// How many bytes of chunks a thread keeps for its next tree once its outermost tree is released
/// (16 MB unless changed); the rest is given back.
void safer_arena_keep_at_most(size_t bytes);
#endif
