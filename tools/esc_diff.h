/*
 * esc_diff.h: `escapade --diff OLD.json NEW.json`, the CI gate's second
 * half: which sites' verdicts changed between two --format=json reports.
 */
#ifndef ESC_DIFF_H
#define ESC_DIFF_H

#include "escapade/escapade.h"

#include <stdio.h>

/* Compares the reports at `level` and writes one line per changed,
 * new or removed site, then a count line, to out. Returns 0 when nothing
 * escapes that did not before, 3 when something does (a site that
 * escapes now and did not, or a new site that escapes), 1 when a file
 * cannot be read or is not a report (one line on stderr naming it). */
int esc_diff_reports(const char *old_path, const char *new_path,
                     esc_level level, FILE *out);

#endif
