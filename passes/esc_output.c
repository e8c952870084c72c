/*
 * esc_output.c: the output rule of esc_output.h.
 */
#include "esc_output.h"
#include "esc_limits.h"

#include "esc_util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *fail_msg(const char *path, const char *problem) {
  esc_str s = {0};
  esc_str_printf(&s, "%s: %s", path, problem);
  return s.s;
}

/* The directory part of path ("." when none) into out. */
static void dir_of(const char *path, esc_str *out) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    esc_str_printf(out, ".");
  else if (slash == path)
    esc_str_printf(out, "/");
  else
    esc_str_printf(out, "%.*s", (int)(slash - path), path);
}

/* The descriptor a name in /proc/<this process>/fd stands for, or -1. */
static int descriptor_of(const char *path) {
  esc_str dir = {0}, mine = {0};
  dir_of(path, &dir);
  char *real = realpath(dir.s, NULL);
  esc_str_printf(&mine, "/proc/%ld/fd", (long)getpid());
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  int fd = -1;
  if (real && !strcmp(real, mine.s) && *base &&
      strspn(base, "0123456789") == strlen(base))
    fd = atoi(base);
  free(real);
  esc_str_free(&dir);
  esc_str_free(&mine);
  return fd;
}

static int write_all(int fd, const char *data, size_t len) {
  while (len) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return -1;
    data += n;
    len -= (size_t)n;
  }
  return 0;
}

int esc_output_write(const char *path, const char *data, size_t len,
                     char **err) {
  esc_str file = {0};
  esc_str_printf(&file, "%s", path);
  int fd = -1, rc = 0;
  for (int hop = 0; hop < ESC_OUTPUT_LINK_HOPS; hop++) {
    if ((fd = descriptor_of(file.s)) >= 0)
      break;
    struct stat lst;
    if (lstat(file.s, &lst) != 0 || !S_ISLNK(lst.st_mode))
      break;
    char to[PATH_MAX];
    ssize_t n = readlink(file.s, to, sizeof to - 1);
    if (n <= 0)
      break;
    to[n] = 0;
    esc_str next = {0};
    if (to[0] == '/') {
      esc_str_printf(&next, "%s", to);
    } else {
      dir_of(file.s, &next);
      esc_str_printf(&next, "/%s", to);
    }
    esc_str_free(&file);
    file = next;
  }
  if (fd >= 0) {
    if (write_all(fd, data, len) != 0) {
      *err = fail_msg(path, "write failed");
      rc = -1;
    }
    esc_str_free(&file);
    return rc;
  }
  struct stat st;
  int exists = stat(file.s, &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    *err = fail_msg(path, "is a directory");
    esc_str_free(&file);
    return -1;
  }
  int in_place = exists && !S_ISREG(st.st_mode);
  esc_str tmp = {0};
  if (in_place)
    esc_str_printf(&tmp, "%s", file.s);
  else
    esc_str_printf(&tmp, "%s.tmp.%ld", file.s, (long)getpid());
  FILE *f = fopen(tmp.s, "w");
  if (!f) {
    *err = fail_msg(path, strerror(errno));
    rc = -1;
  } else {
    int ok = (!len || fwrite(data, 1, len, f) == len);
    ok = (fclose(f) == 0) && ok;
    if (!ok) {
      *err = fail_msg(path, "write failed");
      rc = -1;
    } else if (!in_place && rename(tmp.s, file.s) != 0) {
      *err = fail_msg(path, strerror(errno));
      rc = -1;
    }
    if (rc && !in_place)
      remove(tmp.s);
  }
  esc_str_free(&tmp);
  esc_str_free(&file);
  return rc;
}
