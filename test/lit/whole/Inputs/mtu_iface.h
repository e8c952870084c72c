/* Two interfaces with identical layouts: linking merges their LLVM types. */
struct reader { int (*read)(char *buf, int n); };
struct writer { int (*write)(char *buf, int n); };
int use_reader(struct reader *r);
extern struct reader file_reader;
extern struct writer keep_writer;
