/* Unit tests for the containers in esc_util.h. */
#include "esc_util.h"

#include <criterion/criterion.h>
#include <string.h>

Test(arena, allocations_are_zeroed_and_survive_until_free) {
  esc_arena a;
  esc_arena_init(&a);
  char *big = esc_arena_alloc(&a, 100000); /* larger than a block */
  cr_assert(big[99999] == 0);
  char *s = esc_arena_printf(&a, "%s-%d", "site", 42);
  cr_assert_str_eq(s, "site-42");
  cr_assert(a.used_bytes >= 100000);
  esc_arena_free(&a);
  cr_assert_eq(a.used_bytes, 0);
}

Test(ptrmap, put_get_overwrite_and_grow) {
  esc_ptrmap m;
  esc_ptrmap_init(&m);
  static int keys[1000];
  for (int i = 0; i < 1000; i++)
    esc_ptrmap_put(&m, &keys[i], i);
  for (int i = 0; i < 1000; i++)
    cr_assert_eq(esc_ptrmap_get(&m, &keys[i]), i);
  esc_ptrmap_put(&m, &keys[7], 70);
  cr_assert_eq(esc_ptrmap_get(&m, &keys[7]), 70);
  cr_assert_eq(esc_ptrmap_get(&m, &m), -1);
  esc_ptrmap_free(&m);
}

Test(bits, set_or_next) {
  esc_bits a = {0}, b = {0};
  cr_assert(esc_bits_empty(&a));
  cr_assert(esc_bits_set(&a, 3));
  cr_assert(!esc_bits_set(&a, 3));
  esc_bits_set(&b, 200);
  cr_assert(esc_bits_or(&a, &b));
  cr_assert(!esc_bits_or(&a, &b));
  cr_assert_eq(esc_bits_next(&a, 0), 3);
  cr_assert_eq(esc_bits_next(&a, 4), 200);
  cr_assert_eq(esc_bits_next(&a, 201), -1);
  esc_bits_free(&a);
  esc_bits_free(&b);
}

Test(u64set, add_reports_new) {
  esc_u64set s;
  esc_u64set_init(&s);
  for (uint64_t k = 0; k < 500; k++)
    cr_assert(esc_u64set_add(&s, k * 7919));
  cr_assert(!esc_u64set_add(&s, 0));
  cr_assert(!esc_u64set_add(&s, 499 * 7919));
  esc_u64set_free(&s);
}

Test(str, json_escapes) {
  esc_str s = {0};
  esc_str_json(&s, "a\"b\\c\n\x01");
  cr_assert_str_eq(s.s, "\"a\\\"b\\\\c\\n\\u0001\"");
  esc_str_free(&s);
}
