/* esc_compdb.c: units compiled on worker threads, handed out in database
 * order (see esc_compdb.h). Workers take the next unit not yet taken;
 * the caller waits for the unit it needs next, so units finish in any
 * order but are parsed and linked in one. Bitcode crosses from a worker's
 * LLVMContext to the caller's as bytes. */
#include "esc_compdb.h"

#include "esc_clang.h"
#include "esc_util.h"

#include <llvm-c/Analysis.h>
#include <llvm-c/IRReader.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Clang wants 8 MiB of stack for deeply nested code, as its own main
 * thread has. */
enum { WORKER_STACK = 8 << 20 };

typedef struct unit {
  LLVMMemoryBufferRef bitcode; /* until handed out (owned) */
  char *problem;               /* why it was left out (owned) */
  int done;                    /* under mu */
} unit;

struct esc_compdb {
  esc_clang_db *db;
  unit *units;
  int n;
  int next_compile; /* the first unit no worker has taken (under mu) */
  int next_out;     /* the first unit not handed out (caller's) */
  int handed_out;   /* units that compiled and were handed out */
  pthread_mutex_t mu;
  pthread_cond_t finished; /* a unit is done */
  pthread_t *threads;
  int nthreads;
};

static void *worker(void *arg) {
  esc_compdb *d = arg;
  for (;;) {
    pthread_mutex_lock(&d->mu);
    int i = d->next_compile < d->n ? d->next_compile++ : -1;
    pthread_mutex_unlock(&d->mu);
    if (i < 0)
      return NULL;
    char *problem = NULL;
    LLVMMemoryBufferRef bc = esc_clang_compile(d->db, i, &problem);
    pthread_mutex_lock(&d->mu);
    d->units[i].bitcode = bc;
    d->units[i].problem = problem;
    d->units[i].done = 1;
    pthread_cond_broadcast(&d->finished);
    pthread_mutex_unlock(&d->mu);
  }
}

esc_compdb *esc_compdb_open(const char *build_dir, const char *const *sources,
                            int nsources, int jobs, char **err) {
  esc_clang_db *db = esc_clang_db_open(build_dir, sources, nsources, err);
  if (!db)
    return NULL;
  esc_compdb *d = esc_xcalloc(1, sizeof *d);
  d->db = db;
  d->n = esc_clang_db_size(db);
  d->units = esc_xcalloc((size_t)d->n, sizeof *d->units);
  pthread_mutex_init(&d->mu, NULL);
  pthread_cond_init(&d->finished, NULL);
  int want = jobs < 1 ? 1 : jobs > d->n ? d->n : jobs;
  d->threads = esc_xcalloc((size_t)want, sizeof *d->threads);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, WORKER_STACK);
  for (int k = 0; k < want; k++)
    if (pthread_create(&d->threads[d->nthreads], &attr, worker, d) == 0)
      d->nthreads++;
  pthread_attr_destroy(&attr);
  if (!d->nthreads) {
    esc_str s = {0};
    esc_str_printf(&s, "%s: cannot start a compiling thread",
                   esc_clang_db_path(db));
    *err = s.s;
    esc_compdb_close(d);
    return NULL;
  }
  return d;
}

/* Clang's bitcode as a verified module of ctx (buf is consumed). */
static LLVMModuleRef parse_unit(LLVMContextRef ctx, LLVMMemoryBufferRef buf,
                                const char *file, char **err) {
  LLVMModuleRef m = NULL;
  char *msg = NULL;
  esc_str s = {0};
  if (LLVMParseIRInContext(ctx, buf, &m, &msg)) {
    esc_str_printf(&s, "%s: clang's bitcode does not read back: %s", file,
                   msg ? msg : "?");
    m = NULL;
  } else if (LLVMVerifyModule(m, LLVMReturnStatusAction, &msg)) {
    esc_str_printf(&s, "%s: invalid module: %s", file,
                   msg ? msg : "verifier failed");
    LLVMDisposeModule(m);
    m = NULL;
  }
  LLVMDisposeMessage(msg);
  if (s.s) {
    char *nl = strchr(s.s, '\n');
    if (nl)
      *nl = 0;
    *err = s.s;
  }
  return m;
}

int esc_compdb_next(esc_compdb *d, LLVMContextRef ctx, FILE *diag,
                    LLVMModuleRef *m, const char **name, char **err) {
  *err = NULL;
  while (d->next_out < d->n) {
    int i = d->next_out++;
    unit *u = &d->units[i];
    pthread_mutex_lock(&d->mu);
    while (!u->done)
      pthread_cond_wait(&d->finished, &d->mu);
    pthread_mutex_unlock(&d->mu);
    const char *file = esc_clang_db_file(d->db, i);
    if (!u->bitcode) {
      fprintf(diag, "escapade: %s: %s; left out\n", file, u->problem);
      free(u->problem);
      u->problem = NULL;
      continue;
    }
    LLVMMemoryBufferRef bc = u->bitcode;
    u->bitcode = NULL;
    *m = parse_unit(ctx, bc, file, err);
    if (!*m)
      return -1;
    *name = file;
    d->handed_out++;
    return 1;
  }
  if (!d->handed_out) {
    esc_str s = {0};
    esc_str_printf(&s, "%s: no translation unit compiles",
                   esc_clang_db_path(d->db));
    *err = s.s;
    return -1;
  }
  return 0;
}

void esc_compdb_close(esc_compdb *d) {
  if (!d)
    return;
  pthread_mutex_lock(&d->mu);
  d->next_compile = d->n; /* workers stop after the unit they are on */
  pthread_mutex_unlock(&d->mu);
  for (int k = 0; k < d->nthreads; k++)
    pthread_join(d->threads[k], NULL);
  for (int i = 0; i < d->n; i++) {
    if (d->units[i].bitcode)
      LLVMDisposeMemoryBuffer(d->units[i].bitcode);
    free(d->units[i].problem);
  }
  pthread_mutex_destroy(&d->mu);
  pthread_cond_destroy(&d->finished);
  free(d->threads);
  free(d->units);
  esc_clang_db_free(d->db);
  free(d);
}
