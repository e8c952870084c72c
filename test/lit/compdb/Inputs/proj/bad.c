/* Two errors: the unit is left out with one line naming the first. */
int broken(void) { return undeclared_a + undeclared_b; }
