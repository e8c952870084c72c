struct Sink { virtual ~Sink() {} virtual void put(char *line) = 0; };
void report(Sink *s, const char *m);
Sink *quiet_sink();
