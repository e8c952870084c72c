/* esc_libc.c: library model and attribute queries (see esc_libc.h). */
#include "esc_libc.h"
#include "esc_limits.h"

#include "esc_loc.h"

#include <stdlib.h>
#include <string.h>

#define K ESC_LIB_KNOWN
/* Sorted by name for bsearch. ESC_LIB_NUMBERS: the function's result
 * depends on the bytes its pointer arguments point to, as numbers (a
 * time_t, a struct flock) or as characters compared, searched or measured
 * (memcmp, strchr, strlen): a pointer's bytes can be read back through
 * such results one by one. Every known entry is read so
 * (esc_libc_reads_numbers) unless it copies, asks the allocator or is
 * ESC_LIB_BYTES_UNREAD; the flag names the ones read only as numbers, and
 * the string copies, which also measure (stpcpy returns dst +
 * strlen(src), strcat appends at strlen(dst), strcpy and strncpy stop at
 * the first zero byte and leave the rest of dst as it was). */
static const esc_libfn table[] = {
    {"__ctype_b_loc", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"__ctype_tolower_loc", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"__ctype_toupper_loc", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"__errno_location", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"__fxstat", K, -1, 0, 0},
    {"__fxstat64", K, -1, 0, 0},
    {"__isoc99_fscanf", K, -1, 0, 0},
    {"__isoc99_scanf", K, -1, 0, 0},
    {"__isoc99_sscanf", K, -1, 0, 0},
    {"__lxstat", K, -1, 0, 0},
    {"__lxstat64", K, -1, 0, 0},
    {"__uflow", K, -1, 0, 0},
    {"__xpg_basename", K, 0, 0, 0},
    {"__xstat", K, -1, 0, 0},
    {"__xstat64", K, -1, 0, 0},
    {"_exit", K, -1, 0, 0},
    {"_msize", K | ESC_LIB_ALLOC_QUERY, -1, 0, 0},
    {"_setjmp", K | ESC_LIB_BYTES_UNREAD, -1, 0, 0},
    {"abort", K, -1, 0, 0},
    {"abs", K, -1, 0, 0},
    {"access", K, -1, 0, 0},
    {"alarm", K, -1, 0, 0},
    {"asctime", K | ESC_LIB_RET_UNKNOWN | ESC_LIB_NUMBERS, -1, 0, 0},
    {"atof", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"atoi", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"atol", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"atoll", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"basename", K, 0, 0, 0},
    {"bcmp", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"bzero", K | ESC_LIB_BYTES_UNREAD, -1, 0, 0},
    {"chdir", K, -1, 0, 0},
    {"chmod", K, -1, 0, 0},
    {"clearerr", K, -1, 0, 0},
    {"clock", K, -1, 0, 0},
    {"clock_gettime", K, -1, 0, 0},
    {"close", K, -1, 0, 0},
    {"closedir", K, -1, 0, 0},
    {"creat", K, -1, 0, 0},
    {"ctermid", K, 0, 0, 0}, /* returns its buffer (inferattrs says nocapture) */
    {"ctime", K | ESC_LIB_RET_UNKNOWN | ESC_LIB_NUMBERS, -1, 0, 0},
    {"difftime", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"dirname", K, 0, 0, 0},
    {"dlclose", K, -1, 0, 0},
    {"dlerror", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"dlopen", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"dup", K, -1, 0, 0},
    {"dup2", K, -1, 0, 0},
    {"execv", K, -1, 0, 0},
    {"execve", K, -1, 0, 0},
    {"execvp", K, -1, 0, 0},
    {"exit", K, -1, 0, 0},
    {"fchdir", K, -1, 0, 0},
    {"fchmod", K, -1, 0, 0},
    {"fchown", K, -1, 0, 0},
    {"fclose", K, -1, 0, 0},
    {"fcntl", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"fcntl64", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"fdatasync", K, -1, 0, 0},
    {"fdopendir", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"feof", K, -1, 0, 0},
    {"ferror", K, -1, 0, 0},
    {"fflush", K, -1, 0, 0},
    {"fgetc", K, -1, 0, 0},
    {"fgetpwent", ESC_LIB_RET_DATA, -1, 0, 0},
    {"fgets", K, 0, 0, 0},
    {"fileno", K, -1, 0, 0},
    {"flockfile", K, -1, 0, 0},
    {"fopen", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"fopen64", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"fork", K, -1, 0, 0},
    {"fprintf", K, -1, 0, 0},
    {"fputc", K, -1, 0, 0},
    {"fputs", K, -1, 0, 0},
    {"fread", K, -1, 0, 0},
    {"free", K | ESC_LIB_BYTES_UNREAD, -1, 0, 0},
    {"freopen", K, 2, 0, 0},
    {"freopen64", K, 2, 0, 0},
    {"frexp", K, -1, 0, 0},
    {"fscanf", K, -1, 0, 0},
    {"fseek", K, -1, 0, 0},
    {"fseeko", K, -1, 0, 0},
    {"fseeko64", K, -1, 0, 0},
    {"fstat", K, -1, 0, 0},
    {"fstat64", K, -1, 0, 0},
    {"fstatat", K, -1, 0, 0},
    {"fstatat64", K, -1, 0, 0},
    {"fstatvfs", K, -1, 0, 0},
    {"fsync", K, -1, 0, 0},
    {"ftell", K, -1, 0, 0},
    {"ftello", K, -1, 0, 0},
    {"ftello64", K, -1, 0, 0},
    {"ftruncate", K, -1, 0, 0},
    {"ftruncate64", K, -1, 0, 0},
    {"funlockfile", K, -1, 0, 0},
    {"fwrite", K, -1, 0, 0},
    {"gai_strerror", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"getc", K, -1, 0, 0},
    {"getchar", K, -1, 0, 0},
    /* a NULL buffer: the result is a block the library allocates */
    {"getcwd", K | ESC_LIB_RET_UNKNOWN, 0, 0, 0},
    {"getegid", K, -1, 0, 0},
    {"getenv", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"getenv_r", ESC_LIB_RET_DATA, -1, 0, 0},
    {"geteuid", K, -1, 0, 0},
    {"getgid", K, -1, 0, 0},
    {"getgrgid", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"getgrnam", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"gethostbyname", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"gethostname", K, -1, 0, 0},
    {"getlogin", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"getmntent", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"getpass", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"getpid", K, -1, 0, 0},
    {"getppid", K, -1, 0, 0},
    {"getpwent", ESC_LIB_RET_DATA, -1, 0, 0},
    {"getpwnam", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"getpwuid", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"getrusage", K, -1, 0, 0},
    {"gettimeofday", K, -1, 0, 0},
    {"getuid", K, -1, 0, 0},
    {"gmtime", K | ESC_LIB_RET_UNKNOWN | ESC_LIB_NUMBERS, -1, 0, 0},
    {"gmtime_r", K | ESC_LIB_NUMBERS, 1, 0, 0},
    {"inet_ntoa", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"isalnum", K, -1, 0, 0},
    {"isalpha", K, -1, 0, 0},
    {"isatty", K, -1, 0, 0},
    {"isdigit", K, -1, 0, 0},
    {"isspace", K, -1, 0, 0},
    {"je_malloc_usable_size", K | ESC_LIB_ALLOC_QUERY, -1, 0, 0},
    {"kill", K, -1, 0, 0},
    {"link", K, -1, 0, 0},
    {"localeconv", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"localtime", K | ESC_LIB_RET_UNKNOWN | ESC_LIB_NUMBERS, -1, 0, 0},
    {"localtime_r", K | ESC_LIB_NUMBERS, 1, 0, 0},
    {"longjmp", ESC_LIB_LONGJMP, -1, 0, 0},
    {"lseek", K, -1, 0, 0},
    {"lseek64", K, -1, 0, 0},
    {"lstat", K, -1, 0, 0},
    {"lstat64", K, -1, 0, 0},
    {"malloc_size", K | ESC_LIB_ALLOC_QUERY, -1, 0, 0},
    /* a block's usable size (and _msize, malloc_size,
     * je_malloc_usable_size): reads the allocator's bookkeeping beside the
     * block, not its bytes, and keeps nothing; only a heap block may be
     * asked (ESC_LIB_ALLOC_QUERY) */
    {"malloc_usable_size", K | ESC_LIB_ALLOC_QUERY, -1, 0, 0},
    {"memchr", K | ESC_LIB_NUMBERS, 0, 0, 0},
    {"memcmp", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"memcpy", K | ESC_LIB_COPY, 0, 0, 1},
    {"memmove", K | ESC_LIB_COPY, 0, 0, 1},
    {"memrchr", K | ESC_LIB_NUMBERS, 0, 0, 0},
    {"memset", K | ESC_LIB_BYTES_UNREAD, 0, 0, 0},
    {"mkdir", K, -1, 0, 0},
    {"mkstemp", K, -1, 0, 0},
    {"mkstemp64", K, -1, 0, 0},
    {"mktime", K | ESC_LIB_NUMBERS, -1, 0, 0},
    /* MAP_FIXED (or an honoured hint) maps at, and returns, addr */
    {"mmap", K | ESC_LIB_RET_UNKNOWN, 0, 0, 0},
    {"mmap64", K | ESC_LIB_RET_UNKNOWN, 0, 0, 0},
    {"munmap", K | ESC_LIB_BYTES_UNREAD, -1, 0, 0},
    {"nanosleep", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"nl_langinfo", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"open", K, -1, 0, 0},
    {"open64", K, -1, 0, 0},
    {"openat", K, -1, 0, 0},
    {"openat64", K, -1, 0, 0},
    {"opendir", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"pclose", K, -1, 0, 0},
    {"perror", K, -1, 0, 0},
    {"pipe", K, -1, 0, 0},
    {"popen", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"pread", K, -1, 0, 0},
    {"pread64", K, -1, 0, 0},
    {"printf", K, -1, 0, 0},
    {"pthread_create", ESC_LIB_THREAD, -1, 2, 3},
    {"ptsname", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"putc", K, -1, 0, 0},
    {"putchar", K, -1, 0, 0},
    {"puts", K, -1, 0, 0},
    {"pwrite", K, -1, 0, 0},
    {"pwrite64", K, -1, 0, 0},
    {"raise", K, -1, 0, 0},
    {"read", K, -1, 0, 0},
    {"readdir", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"readdir64", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"readlink", K, -1, 0, 0},
    {"realpath", K | ESC_LIB_RET_UNKNOWN, 1, 0, 0},
    {"remove", K, -1, 0, 0},
    {"rename", K, -1, 0, 0},
    {"rewind", K, -1, 0, 0},
    {"rewinddir", K, -1, 0, 0},
    {"rmdir", K, -1, 0, 0},
    {"sbrk", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"scanf", K, -1, 0, 0},
    {"seekdir", K, -1, 0, 0},
    {"setjmp", K | ESC_LIB_BYTES_UNREAD, -1, 0, 0},
    {"setlocale", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"setmntent", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"setsid", K, -1, 0, 0},
    {"sigemptyset", K | ESC_LIB_BYTES_UNREAD, -1, 0, 0},
    {"siglongjmp", ESC_LIB_LONGJMP, -1, 0, 0},
    {"sleep", K, -1, 0, 0},
    {"snprintf", K, -1, 0, 0},
    {"sprintf", K, -1, 0, 0},
    {"sscanf", K, -1, 0, 0},
    {"stat", K, -1, 0, 0},
    {"stat64", K, -1, 0, 0},
    {"statvfs", K, -1, 0, 0},
    {"stpcpy", K | ESC_LIB_COPY | ESC_LIB_NUMBERS, 0, 0, 1},
    {"strcasecmp", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strcat", K | ESC_LIB_COPY | ESC_LIB_NUMBERS, 0, 0, 1},
    {"strchr", K | ESC_LIB_NUMBERS, 0, 0, 0},
    {"strcmp", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strcoll", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strcpy", K | ESC_LIB_COPY | ESC_LIB_NUMBERS, 0, 0, 1},
    {"strcspn", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strerror", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"strftime", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strlen", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strncasecmp", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strncat", K | ESC_LIB_COPY | ESC_LIB_NUMBERS, 0, 0, 1},
    {"strncmp", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strncpy", K | ESC_LIB_COPY | ESC_LIB_NUMBERS, 0, 0, 1},
    {"strnlen", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strpbrk", K | ESC_LIB_NUMBERS, 0, 0, 0},
    {"strrchr", K | ESC_LIB_NUMBERS, 0, 0, 0},
    {"strsep", ESC_LIB_RET_DATA, -1, 0, 0},
    {"strsignal", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"strspn", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"strstr", K | ESC_LIB_NUMBERS, 0, 0, 0},
    {"strtod", K | ESC_LIB_STORE_ARG | ESC_LIB_NUMBERS, -1, 1, 0},
    {"strtof", K | ESC_LIB_STORE_ARG | ESC_LIB_NUMBERS, -1, 1, 0},
    {"strtok", ESC_LIB_RET_DATA, -1, 0, 0},
    {"strtok_r", ESC_LIB_RET_DATA, -1, 0, 0},
    {"strtol", K | ESC_LIB_STORE_ARG | ESC_LIB_NUMBERS, -1, 1, 0},
    {"strtoll", K | ESC_LIB_STORE_ARG | ESC_LIB_NUMBERS, -1, 1, 0},
    {"strtoul", K | ESC_LIB_STORE_ARG | ESC_LIB_NUMBERS, -1, 1, 0},
    {"strtoull", K | ESC_LIB_STORE_ARG | ESC_LIB_NUMBERS, -1, 1, 0},
    {"symlink", K, -1, 0, 0},
    {"sysconf", K, -1, 0, 0},
    {"system", K, -1, 0, 0},
    {"telldir", K, -1, 0, 0},
    {"thrd_create", ESC_LIB_THREAD, -1, 1, 2},
    {"time", K, -1, 0, 0},
    {"times", K, -1, 0, 0},
    {"tmpfile", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"tmpfile64", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"tmpnam", ESC_LIB_RET_DATA, -1, 0, 0},
    {"tolower", K, -1, 0, 0},
    {"toupper", K, -1, 0, 0},
    {"truncate", K, -1, 0, 0},
    {"ttyname", K | ESC_LIB_RET_UNKNOWN, -1, 0, 0},
    {"umask", K, -1, 0, 0},
    {"uname", K, -1, 0, 0},
    {"ungetc", K, -1, 0, 0},
    {"unlink", K, -1, 0, 0},
    {"usleep", K, -1, 0, 0},
    {"utime", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"utimes", K | ESC_LIB_NUMBERS, -1, 0, 0},
    {"vfprintf", K, -1, 0, 0},
    {"vprintf", K, -1, 0, 0},
    {"vsnprintf", K, -1, 0, 0},
    {"vsprintf", K, -1, 0, 0},
    {"wait", K, -1, 0, 0},
    {"waitpid", K, -1, 0, 0},
    {"write", K, -1, 0, 0},
};
#undef K

int esc_libc_reads_numbers(const esc_libfn *f) {
  if (f->flags & ESC_LIB_NUMBERS)
    return 1;
  return (f->flags & ESC_LIB_KNOWN) &&
         !(f->flags & (ESC_LIB_COPY | ESC_LIB_ALLOC_QUERY | ESC_LIB_BYTES_UNREAD));
}

static int cmp_name(const void *key, const void *elt) {
  return strcmp(key, ((const esc_libfn *)elt)->name);
}

const esc_libfn *esc_libc_lookup(const char *name) {
  return bsearch(name, table, sizeof(table) / sizeof(table[0]),
                 sizeof(table[0]), cmp_name);
}

static unsigned kind_of(const char *attr) {
  return LLVMGetEnumAttributeKindForName(attr, strlen(attr));
}

static int has_attr(LLVMValueRef call, LLVMValueRef callee,
                    LLVMAttributeIndex idx, const char *attr) {
  unsigned k = kind_of(attr);
  if (!k)
    return 0;
  if (call && LLVMGetCallSiteEnumAttribute(call, idx, k))
    return 1;
  if (callee && LLVMGetEnumAttributeAtIndex(callee, idx, k))
    return 1;
  return 0;
}

int esc_attr_param(LLVMValueRef call, LLVMValueRef callee, unsigned arg,
                   const char *attr) {
  if (callee && arg >= LLVMCountParams(callee))
    callee = NULL; /* variadic argument: no declaration attribute */
  return has_attr(call, callee, (LLVMAttributeIndex)(arg + 1), attr);
}

int esc_attr_param_is_copy(LLVMValueRef fn, unsigned i) {
  return esc_attr_param(NULL, fn, i, "byval") ||
         esc_attr_param(NULL, fn, i, "inalloca") ||
         esc_attr_param(NULL, fn, i, "preallocated");
}

int esc_attr_nocapture(LLVMValueRef call, LLVMValueRef callee, unsigned arg) {
  return esc_attr_param(call, callee, arg, "nocapture") ||
         esc_attr_param(call, callee, arg, "byval");
}

int esc_attr_ret(LLVMValueRef call, LLVMValueRef callee, const char *attr) {
  return has_attr(call, callee, LLVMAttributeReturnIndex, attr);
}

/* memory(...) is encoded as 2 bits (ref=1, mod=2) per location:
 * argmem (bits 0-1), inaccessiblemem (2-3), other (4-5). */
esc_memfx esc_attr_memory(LLVMValueRef call, LLVMValueRef callee) {
  esc_memfx fx = {1, 1, 1, 1};
  unsigned k = kind_of("memory");
  LLVMAttributeRef a = NULL;
  if (k && call)
    a = LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, k);
  if (k && !a && callee)
    a = LLVMGetEnumAttributeAtIndex(callee, LLVMAttributeFunctionIndex, k);
  if (a) {
    uint64_t v = LLVMGetEnumAttributeValue(a);
    fx.reads_args = (v & 1) != 0;
    fx.writes_args = (v & 2) != 0;
    fx.reads_other = (v & 0x10) != 0;
    fx.writes_other = (v & 0x20) != 0;
  }
  if (has_attr(call, callee, LLVMAttributeFunctionIndex, "readnone"))
    fx = (esc_memfx){0, 0, 0, 0};
  if (has_attr(call, callee, LLVMAttributeFunctionIndex, "readonly"))
    fx.writes_args = fx.writes_other = 0;
  return fx;
}

int esc_libc_data_global(const char *name) {
  static const char *const names[] = {
      "stdin",  "stdout",   "stderr", "environ", "__environ", "optarg",
      "optind", "opterr",   "optopt", "timezone", "daylight", "tzname",
      "program_invocation_name", "program_invocation_short_name", "signgam",
  };
  for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
    if (!strcmp(name, names[i]))
      return 1;
  return 0;
}

/* ---- bytes across the boundary (esc_libc.h) ---- */
typedef struct io_entry {
  const char *name;
  unsigned io;
} io_entry;

#define O ESC_IO_OUT
#define I ESC_IO_IN
#define N ESC_IO_INT_IN
/* Sorted by name (strcmp) for bsearch. Functions taking path or host
 * names are OUT: the bytes stay outside (a symlink target, a file name)
 * where a later call can read them back. gmtime_r, localtime_r, mktime
 * are IN: struct tm's tm_zone points to the library's zone name. */
static const io_entry io_table[] = {
    {"__fprintf_chk", O},    {"__isoc23_fscanf", I},  {"__isoc23_scanf", I},
    {"__isoc23_sscanf", I},  {"__isoc23_strtol", N},  {"__isoc23_strtoll", N},
    {"__isoc23_strtoul", N}, {"__isoc23_strtoull", N}, {"__isoc23_vfscanf", I},
    {"__isoc23_vsscanf", I}, {"__isoc99_fscanf", I},  {"__isoc99_scanf", I},
    {"__isoc99_sscanf", I},  {"__isoc99_vfscanf", I}, {"__isoc99_vscanf", I},
    {"__isoc99_vsscanf", I}, {"__printf_chk", O},     {"__snprintf_chk", O | I},
    {"__sprintf_chk", O | I}, {"__vfprintf_chk", O},   {"__vsnprintf_chk", O | I},
    {"__vsprintf_chk", O | I}, {"asprintf", O | I},     {"atof", N},
    {"atoi", N},             {"atol", N},             {"atoll", N},
    {"chdir", O},            {"chmod", O},            {"creat", O},
    {"dlopen", O},           {"dprintf", O},          {"err", O},
    {"errx", O},             {"execv", O},            {"execve", O},
    {"execvp", O},           {"fgetc", N},            {"fgetc_unlocked", N},
    {"fgets", I},            {"fgets_unlocked", I},   {"fopen", O},
    {"fopen64", O},          {"fprintf", O},          {"fputc", O},
    {"fputc_unlocked", O},   {"fputs", O},            {"fputs_unlocked", O},
    {"fread", I},            {"fread_unlocked", I},   {"freopen", O},
    {"freopen64", O},        {"fscanf", I},           {"fwrite", O},
    {"fwrite_unlocked", O},  {"getc", N},             {"getc_unlocked", N},
    {"getchar", N},          {"getchar_unlocked", N}, {"getcwd", I},
    {"getdelim", I},         {"gethostbyname", O},    {"getline", I},
    {"gets", I},             {"getw", N},             {"gmtime_r", I},
    {"link", O},             {"localtime_r", I},      {"mkdir", O},
    {"mkstemp", O},          {"mkstemp64", O},        {"mktime", I},
    {"mq_receive", I},       {"mq_send", O},          {"msgrcv", I},
    {"msgsnd", O},           {"open", O},             {"open64", O},
    {"openat", O},           {"openat64", O},         {"opendir", O},
    {"perror", O},           {"popen", O},            {"pread", I},
    {"pread64", I},          {"preadv", I},           {"printf", O},
    {"putc", O},             {"putc_unlocked", O},    {"putchar", O},
    {"putchar_unlocked", O}, {"putenv", O},           {"puts", O},
    {"putw", O},             {"pwrite", O},           {"pwrite64", O},
    {"pwritev", O},          {"read", I},             {"readlink", I},
    {"readv", I},            {"realpath", I},         {"recv", I},
    {"recvfrom", I},         {"recvmsg", I},          {"remove", O},
    {"rename", O},           {"rmdir", O},            {"scanf", I},
    {"send", O},             {"sendmsg", O},          {"sendto", O},
    {"setenv", O},           {"setlocale", O},        {"snprintf", O | I},
    {"sprintf", O | I},      {"sscanf", I},           {"strtod", N},
    {"strtof", N},           {"strtoimax", N},        {"strtol", N},
    {"strtold", N},          {"strtoll", N},          {"strtoul", N},
    {"strtoull", N},         {"strtoumax", N},        {"symlink", O},
    {"syslog", O},           {"system", O},           {"timegm", I},
    {"timelocal", I},        {"truncate", O},         {"utime", O},
    {"utimes", O},           {"vasprintf", O | I},    {"vdprintf", O},
    {"vfprintf", O},         {"vfscanf", I},          {"vprintf", O},
    {"vscanf", I},           {"vsnprintf", O | I},    {"vsprintf", O | I},
    {"vsscanf", I},          {"vsyslog", O},          {"warn", O},
    {"warnx", O},            {"write", O},            {"writev", O},
};
#undef O
#undef I
#undef N

static int cmp_io(const void *k, const void *e) {
  return strcmp((const char *)k, ((const io_entry *)e)->name);
}

unsigned esc_libc_io(const char *name) {
  const io_entry *e = bsearch(name, io_table, sizeof(io_table) / sizeof(io_table[0]),
                              sizeof(io_table[0]), cmp_io);
  return e ? e->io : 0;
}

/* Sorted by name. */
static const esc_libcb cb_table[] = {
    {"__cxa_atexit", 0, {1, -1, -1}},
    {"atexit", 0, {-1, -1, -1}},
    {"bsd_signal", 1, {-1, -1, -1}},
    {"bsearch", 4, {0, 1, -1}},
    {"lfind", 4, {0, 1, -1}},
    {"lsearch", 4, {0, 1, -1}},
    {"on_exit", 0, {-1, 1, -1}},
    {"pthread_create", 2, {3, -1, -1}},
    {"pthread_once", 1, {-1, -1, -1}},
    {"qsort", 3, {0, 0, -1}},
    {"qsort_r", 3, {0, 0, 4}},
    {"signal", 1, {-1, -1, -1}},
    {"tdelete", 2, {0, ESC_CB_OUTSIDE, -1}},
    {"tfind", 2, {0, ESC_CB_OUTSIDE, -1}},
    {"tsearch", 2, {0, ESC_CB_OUTSIDE, -1}},
    {"twalk", 1, {ESC_CB_OUTSIDE, -1, -1}},
};

static int cmp_cb(const void *k, const void *e) {
  return strcmp((const char *)k, ((const esc_libcb *)e)->name);
}

const esc_libcb *esc_libc_callback(const char *name) {
  return bsearch(name, cb_table, sizeof(cb_table) / sizeof(cb_table[0]),
                 sizeof(cb_table[0]), cmp_cb);
}

/* ---- printf formats ---- */
int esc_libc_format_arg(const char *name) {
  static const struct {
    const char *name;
    int arg;
  } t[] = {
      {"printf", 0},        {"fprintf", 1},        {"dprintf", 1},
      {"sprintf", 1},       {"snprintf", 2},       {"asprintf", 1},
      {"syslog", 1},        {"err", 1},            {"errx", 1},
      {"warn", 0},          {"warnx", 0},          {"__printf_chk", 1},
      {"__fprintf_chk", 2}, {"__sprintf_chk", 3},  {"__snprintf_chk", 4},
  };
  for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
    if (!strcmp(name, t[i].name))
      return t[i].arg;
  return -1;
}

static const char *const_string(LLVMValueRef v, size_t *len) {
  for (int guard = 0; guard < ESC_LIBC_STRING_HOPS && v; guard++) {
    if (LLVMIsAGlobalVariable(v))
      break;
    if (LLVMIsAConstantExpr(v) &&
        (LLVMGetConstOpcode(v) == LLVMGetElementPtr ||
         LLVMGetConstOpcode(v) == LLVMBitCast)) {
      /* only the start of the string: every index must be zero */
      unsigned n = (unsigned)LLVMGetNumOperands(v);
      for (unsigned i = 1; i < n; i++) {
        LLVMValueRef idx = LLVMGetOperand(v, i);
        if (!LLVMIsAConstantInt(idx) || LLVMConstIntGetZExtValue(idx) != 0)
          return NULL;
      }
      v = LLVMGetOperand(v, 0);
      continue;
    }
    return NULL;
  }
  if (!v || !LLVMIsAGlobalVariable(v) || !LLVMIsGlobalConstant(v))
    return NULL;
  LLVMValueRef init = LLVMGetInitializer(v);
  if (!init || !LLVMIsAConstantDataSequential(init) || !LLVMIsConstantString(init))
    return NULL;
  return LLVMGetAsString(init, len);
}

int esc_libc_format_uses(LLVMValueRef fmt, unsigned char *out, int max) {
  size_t len;
  const char *f = const_string(fmt, &len);
  if (!f)
    return -1;
  int k = 0;
  for (size_t i = 0; i < len && f[i]; i++) {
    if (f[i] != '%')
      continue;
    i++;
    if (i < len && f[i] == '%')
      continue;
    int start = k; /* arguments this conversion takes begin here */
    /* positional arguments (%1$s): not followed, be conservative */
    size_t j = i;
    while (j < len && f[j] >= '0' && f[j] <= '9')
      j++;
    if (j < len && f[j] == '$')
      return -1;
    while (i < len && strchr("-+ #0'I", f[i]))
      i++;
    for (int part = 0; part < 2; part++) {
      if (part && !(i < len && f[i] == '.'))
        break;
      if (part)
        i++;
      if (i < len && f[i] == '*') {
        if (k >= max)
          return -1;
        out[k++] = ESC_FMT_VALUE;
        i++;
      }
      while (i < len && f[i] >= '0' && f[i] <= '9')
        i++;
    }
    while (i < len && strchr("hlLqjztZ", f[i]))
      i++;
    if (i >= len || !f[i])
      return -1;
    char c = f[i];
    /* "% %", "%5%": glibc prints '%' and takes no argument (unless a '*'
     * above took one: not followed); a conversion glibc does not know is
     * printed as it stands, taking none: every later argument would shift,
     * so the format is not followed */
    if (c == '%' && k == start)
      continue;
    if (!strchr("diouxXeEfFgGaAcCsSpnm", c))
      return -1;
    if (k >= max)
      return -1;
    if (c == 's' || c == 'S')
      out[k++] = ESC_FMT_BYTES;
    else if (c == 'n')
      out[k++] = ESC_FMT_NONE;
    else if (c == 'm')
      continue; /* strerror(errno): no argument */
    else
      out[k++] = ESC_FMT_VALUE; /* %p, numbers, characters, unknown */
  }
  return k;
}

void esc_libc_output_plan(LLVMValueRef fn, LLVMValueRef call,
                          esc_out_plan *out) {
  out->fixed = LLVMCountParams(fn);
  out->nfmt = -1;
  int fa = esc_libc_format_arg(esc_value_name(fn));
  if (call && fa >= 0 && (unsigned)fa < out->fixed)
    out->nfmt = esc_libc_format_uses(LLVMGetOperand(call, (unsigned)fa),
                                     out->uses, 64);
}

unsigned esc_libc_output_use(const esc_out_plan *plan, unsigned i,
                             int is_pointer) {
  if (i < plan->fixed)
    return is_pointer ? ESC_FMT_BYTES : ESC_FMT_VALUE;
  if (plan->nfmt >= 0)
    return i - plan->fixed < (unsigned)plan->nfmt ? plan->uses[i - plan->fixed]
                                                   : ESC_FMT_NONE;
  return ESC_FMT_BYTES | ESC_FMT_VALUE;
}

static int calls_any(LLVMModuleRef M, const char *const *names, size_t n) {
  for (size_t i = 0; i < n; i++) {
    LLVMValueRef f = LLVMGetNamedFunction(M, names[i]);
    if (f && LLVMGetFirstUse(f))
      return 1;
  }
  return 0;
}

int esc_libc_loads_code(LLVMModuleRef M) {
  /* code loaded by name; and, without loading anything, the program's
   * own exported functions and data found by name (dlsym(RTLD_DEFAULT),
   * which also finds dlopen) or through its dynamic symbol table */
  static const char *const loaders[] = {"dlopen", "dlmopen", "dlsym",
                                        "dlvsym", "dl_iterate_phdr"};
  return calls_any(M, loaders, sizeof loaders / sizeof *loaders);
}

int esc_libc_exports_entered(LLVMModuleRef M, int closed) {
  LLVMValueRef main_fn = LLVMGetNamedFunction(M, "main");
  return !main_fn || LLVMIsDeclaration(main_fn) ||
         (!closed && esc_libc_loads_code(M));
}

int esc_libc_streams_call_back(LLVMModuleRef M) {
  /* streams on the program's functions; printf conversions by the
   * program's handlers, which get the arguments; and dlsym, which can
   * hand the program either of those by name */
  static const char *const makers[] = {
      "dlsym", "dlvsym", "fopencookie", "funopen",
      "register_printf_function", "register_printf_modifier",
      "register_printf_specifier", "register_printf_type"};
  return calls_any(M, makers, sizeof makers / sizeof *makers);
}
