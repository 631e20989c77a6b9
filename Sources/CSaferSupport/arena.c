// cmark allocates every node and every piece of text separately and frees them one by one: at
// 10,000 pages that was a tenth of a build's instructions. A parsed tree lives only as long as
// one call (parse, walk, render, done), so its memory comes from a per-thread arena instead:
// allocation moves a pointer, free does nothing, and the whole tree goes at once when the call
// releases its mark. Chunks are kept for the thread's next tree.
#include "CMarkArena.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct chunk {
    struct chunk *next;
    size_t size;   // bytes in data
    size_t used;
    _Alignas(16) unsigned char data[];
} chunk;

// Each allocation is preceded by its size, keeping the payload 16-byte aligned like malloc's.
typedef struct header {
    size_t size;
    size_t unused;
} header;

enum { chunk_size = 256 * 1024 };

static _Thread_local chunk *first;
static _Thread_local chunk *current;
// The latest allocation, which realloc may grow where it is.
static _Thread_local unsigned char *latest;

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

// A thread's chunks are freed when it ends: the rebuilds of `serve` run on worker threads that
// come and go.
static pthread_key_t chunks_key;
static pthread_once_t chunks_key_once = PTHREAD_ONCE_INIT;

static void free_chunks(void *list) {
    for (chunk *c = list; c;) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
}

static void make_chunks_key(void) { pthread_key_create(&chunks_key, free_chunks); }

static chunk *new_chunk(size_t at_least) {
    size_t size = at_least > chunk_size ? at_least : chunk_size;
    chunk *made = malloc(sizeof(chunk) + size);
    if (!made) abort();  // as cmark's own allocator does when out of memory
    made->next = NULL;
    made->size = size;
    made->used = 0;
    return made;
}

static void *allocate(size_t size) {
    if (size > SIZE_MAX / 2) abort();
    size_t needed = sizeof(header) + rounded(size);
    if (!current) {
        if (!first) {
            first = new_chunk(needed);
            pthread_once(&chunks_key_once, make_chunks_key);
            pthread_setspecific(chunks_key, first);
        }
        current = first;
        current->used = 0;
    }
    while (current->size - current->used < needed) {
        chunk *next = current->next;
        if (!next || next->size < needed) {
            chunk *made = new_chunk(needed);
            made->next = next;
            current->next = made;
            next = made;
        }
        current = next;
        current->used = 0;
    }
    header *h = (header *)(current->data + current->used);
    h->size = size;
    current->used += needed;
    latest = (unsigned char *)(h + 1);
    return latest;
}

void *safer_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) abort();
    void *p = allocate(count * size);
    memset(p, 0, count * size);
    return p;
}

void *safer_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    header *h = (header *)pointer - 1;
    if (pointer == latest) {
        size_t start = (size_t)((unsigned char *)h - current->data);
        size_t needed = sizeof(header) + rounded(size);
        if (current->size - start >= needed) {
            current->used = start + needed;
            h->size = size;
            return pointer;
        }
    }
    size_t old = h->size;
    void *moved = allocate(size);
    memcpy(moved, pointer, old < size ? old : size);
    return moved;
}

void safer_arena_free(void *pointer) { (void)pointer; }

safer_arena_mark safer_arena_mark_now(void) {
    safer_arena_mark mark = { current, current ? current->used : 0 };
    return mark;
}

// Kept for the thread's next tree when the outermost tree is released: chunks beyond this are
// given back, so one very large page does not hold its memory for as long as the thread lives.
static size_t kept_bytes = 16 * 1024 * 1024;

void safer_arena_keep_at_most(size_t bytes) { __atomic_store_n(&kept_bytes, bytes, __ATOMIC_RELAXED); }

void safer_arena_release(safer_arena_mark mark) {
    current = mark.chunk;
    if (current) current->used = mark.used;
    latest = NULL;
    if (mark.chunk || !first) return;  // an inner tree, or nothing allocated yet
    size_t keep = __atomic_load_n(&kept_bytes, __ATOMIC_RELAXED);
    if (first->size > keep) {
        free_chunks(first);
        first = NULL;
        pthread_setspecific(chunks_key, NULL);
        return;
    }
    size_t kept = first->size;
    for (chunk *c = first; c->next; c = c->next) {
        if (kept + c->next->size > keep) {
            free_chunks(c->next);
            c->next = NULL;
            break;
        }
        kept += c->next->size;
    }
}
