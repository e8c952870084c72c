/*
 * esc_sarif.c: the SARIF 2.1.0 report (--format=sarif), for code-scanning
 * dashboards and editors. docs/formats.md has a complete example; the
 * schema is docs/schemas/sarif-schema-2.1.0.json.
 *
 * One run. At the report's level (the highest level asked for: by default
 * whole_program), each escaping site is a result of level "warning" whose
 * rule names the cause ("escape/global", "escape/callee", ...; see
 * esc_verdict.c), with the flow from the allocation to the escape as a
 * codeFlow when known; each avoided site is a "note" of rule "avoided"
 * naming the resolved calls. Artifact URIs are relative to --source-root
 * (uriBaseId SRCROOT) when the file lies under it.
 */
#include "esc_analysis.h"

#include <stdlib.h>
#include <string.h>

typedef struct rule {
  const char *id, *text;
} rule;

/* Every rule a result may name, in ruleIndex order. */
static const rule rules[] = {
    {"avoided", "kept local by whole-program resolution of indirect calls"},
    {"escape/global", "stored in a global variable"},
    {"escape/memory", "stored in memory that escapes"},
    {"escape/return", "returned from its function"},
    {"escape/parameter", "stored through a parameter"},
    {"escape/callee", "passed to a function that keeps it"},
    {"escape/resolved-callee",
     "passed to an indirect call whose resolved target keeps it"},
    {"escape/unknown-call", "passed to a function the analysis cannot see"},
    {"escape/indirect-call", "passed to an indirect call not resolved"},
    {"escape/address-as-number", "its address is used as a number"},
    {"escape/asm", "passed to inline assembly"},
    {"escape/thread", "handed to another thread"},
    {"escape/longjmp", "reachable from a non-local jump"},
    {"escape/vararg", "passed as a variadic argument"},
    {"escape/output", "written out of the program"},
    {"escape/input", "reachable by bytes read from outside"},
    {"escape/budget", "analysis limit reached"},
    {"escape/wrapper", "allocated by a call this level does not see into"},
    {"escape/unseen-allocator", "allocated where this level does not look"},
    {"escape/model", "passed to a function the user's model says keeps it"},
    {"escape/pool", "allocated from a pool that may outlive its frame"},
    {"escape/other", "escapes"},
};
enum { NRULES = sizeof rules / sizeof rules[0] };

static int rule_index(const char *cause) {
  char id[64];
  snprintf(id, sizeof id, "escape/%s", cause ? cause : "other");
  for (int i = 0; i < NRULES; i++)
    if (!strcmp(rules[i].id, id))
      return i;
  return NRULES - 1;
}

/* A file name as a URI reference: relative to root when under it (a
 * relative name is first made absolute with its directory). */
static void uri_json(const esc_options *o, const char *dir, const char *file,
                     esc_str *out) {
  esc_str abs = {0};
  if (dir && dir[0] == '/') {
    esc_path_join(dir, file, &abs);
    file = abs.s;
  }
  const char *rel = file;
  int based = 0;
  size_t rl = o->source_root ? strlen(o->source_root) : 0;
  while (rl > 1 && o->source_root[rl - 1] == '/')
    rl--;
  if (rl && !strncmp(file, o->source_root, rl) && file[rl] == '/') {
    rel = file + rl + 1;
    based = 1;
  }
  esc_str u = {0};
  esc_str_uri_path(&u, rel);
  esc_str_printf(out, "{\"uri\":");
  esc_str_json(out, u.s ? u.s : "");
  if (based)
    esc_str_printf(out, ",\"uriBaseId\":\"SRCROOT\"");
  esc_str_printf(out, "}");
  esc_str_free(&u);
  esc_str_free(&abs);
}

static void physical_json(const esc_options *o, const char *dir,
                          const char *file, unsigned line, unsigned col,
                          esc_str *out) {
  esc_str_printf(out, "{\"artifactLocation\":");
  uri_json(o, dir, file, out);
  if (line) {
    esc_str_printf(out, ",\"region\":{\"startLine\":%u", line);
    if (col)
      esc_str_printf(out, ",\"startColumn\":%u", col);
    esc_str_printf(out, "}");
  }
  esc_str_printf(out, "}");
}

/* The steps' locations name files as the site's does: its directory. */
static void flow_json(const esc_options *o, const char *dir, const char *flow,
                      esc_str *out) {
  esc_str_printf(out, ",\"codeFlows\":[{\"threadFlows\":[{\"locations\":[");
  int k = 0;
  for (const char *p = flow; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    char file[1024];
    unsigned line, col;
    esc_str step = {0};
    esc_str_printf(&step, "%.*s", (int)n, p);
    esc_str_printf(out, "%s{\"location\":{", k++ ? "," : "");
    if (esc_flow_step_location(p, n, file, sizeof file, &line, &col)) {
      esc_str_printf(out, "\"physicalLocation\":");
      physical_json(o, dir, file, line, col, out);
      esc_str_printf(out, ",");
    }
    esc_str_printf(out, "\"message\":{\"text\":");
    esc_str_json(out, step.s);
    esc_str_printf(out, "}}}");
    esc_str_free(&step);
    p += n;
    if (*p)
      p++;
  }
  esc_str_printf(out, "]}]}]");
}

void esc_report_sarif(esc_result *R, const esc_options *o, esc_str *out) {
  esc_level lvl = esc_report_level(o);
  esc_str_printf(out,
                 "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
                 "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
                 "\"name\":\"escapade\",\"version\":\"" ESC_VERSION "\","
                 "\"rules\":[");
  for (int i = 0; i < NRULES; i++) {
    esc_str_printf(out, "%s\n{\"id\":\"%s\",\"shortDescription\":{\"text\":",
                   i ? "," : "", rules[i].id);
    esc_str_json(out, rules[i].text);
    esc_str_printf(out, "},\"defaultConfiguration\":{\"level\":\"%s\"}}",
                   i == 0 ? "note" : "warning");
  }
  esc_str_printf(out, "]}}");
  if (o->source_root) {
    esc_str root = {0};
    esc_str_printf(&root, "file://%s%s", o->source_root,
                   o->source_root[strlen(o->source_root) - 1] == '/' ? ""
                                                                     : "/");
    esc_str_printf(out, ",\"originalUriBaseIds\":{\"SRCROOT\":{\"uri\":");
    esc_str_json(out, root.s);
    esc_str_printf(out, "}}");
    esc_str_free(&root);
  }
  const char *const *as = esc_assumptions(o);
  esc_str_printf(out, ",\"properties\":{\"level\":\"%s\",\"assumptions\":[",
                 esc_level_name(lvl));
  for (int i = 0; as[i]; i++) {
    esc_str_printf(out, "%s", i ? "," : "");
    esc_str_json(out, as[i]); /* model:FILE names a file */
  }
  esc_str_printf(out, "]},\"invocations\":[{\"executionSuccessful\":true}],"
                      "\"results\":[");
  int n = 0;
  for (size_t i = 0; i < R->model.sites.len; i++) {
    const esc_site *s = &R->model.sites.data[i];
    if (!esc_site_shown(R, o, s))
      continue;
    esc_verdict v = esc_verdict_at(R, s, lvl);
    int av = lvl == ESC_WHOLE && esc_site_avoided(R, s);
    if ((!v.escapes && !av) || (o->avoided_only && !av))
      continue;
    int ri = v.escapes ? rule_index(v.cause) : 0;
    esc_str msg = {0};
    esc_site_describe(s, &msg);
    if (v.escapes)
      esc_str_printf(&msg, " %s: %s", esc_site_escapes_words(s), v.reason);
    else
      esc_str_printf(&msg, " does not escape; conservative analysis lets it "
                           "escape%s%s",
                     s->v[ESC_WHOLE].avoided_by ? "; " : "",
                     s->v[ESC_WHOLE].avoided_by ? s->v[ESC_WHOLE].avoided_by
                                                : "");
    esc_str_printf(out, "%s\n{\"ruleId\":\"%s\",\"ruleIndex\":%d,"
                        "\"level\":\"%s\",\"message\":{\"text\":",
                   n++ ? "," : "", rules[ri].id, ri,
                   v.escapes ? "warning" : "note");
    esc_str_json(out, msg.s);
    esc_str_printf(out, "},\"locations\":[{");
    if (s->loc.file) {
      esc_str_printf(out, "\"physicalLocation\":");
      physical_json(o, s->loc.dir, s->loc.file, s->loc.line, s->loc.col, out);
      esc_str_printf(out, ",");
    }
    esc_str_printf(out, "\"logicalLocations\":[{\"fullyQualifiedName\":");
    esc_str_json(out,
                 s->func >= 0 ? R->model.funcs.data[s->func].display : "?");
    esc_str_printf(out, ",\"kind\":\"function\"}]}]");
    if (v.escapes && v.flow)
      flow_json(o, s->loc.dir, v.flow, out);
    esc_str_printf(out, ",\"properties\":{\"kind\":\"%s\",\"allocator\":",
                   esc_site_kind_name(s->kind));
    esc_str_json(out, s->allocator);
    esc_str_printf(out, ",\"bytes\":");
    if (s->bytes >= 0)
      esc_str_printf(out, "%lld", s->bytes);
    else
      esc_str_printf(out, "null");
    esc_str_printf(out, "}}");
    esc_str_free(&msg);
  }
  esc_str_printf(out, "\n]}]}\n");
}
