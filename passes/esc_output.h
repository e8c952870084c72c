/*
 * esc_output.h: writing an output file (a report, bitcode) the way every
 * escapade tool does.
 *
 *   - a new or regular file: written to a temporary beside it, renamed
 *     into place (whole, or not at all);
 *   - a name of one of this process's descriptors (/dev/stdout,
 *     /dev/fd/N, /proc/self/fd/N, or a link to one): written to that
 *     descriptor, whatever it is open on (reopening it would truncate what
 *     its owner, the shell's "> file", already holds);
 *   - a device or a pipe (/dev/null, a FIFO): written in place, never
 *     replaced;
 *   - a directory: refused.
 * Symbolic links are followed first, so a temporary is never renamed onto
 * a link's name (as root, that would replace /dev/stdout itself).
 */
#ifndef ESC_OUTPUT_H
#define ESC_OUTPUT_H

#include <stddef.h>

/* Writes data[0..len) to path. Returns 0, or -1 with *err set to one line
 * "PATH: problem" (the caller frees it with free()). */
int esc_output_write(const char *path, const char *data, size_t len,
                     char **err);

#endif
