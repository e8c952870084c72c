struct Shape {
  virtual int area() const = 0;
};
struct Square : Shape {
  int s = 2;
  int area() const override { return s * s; }
};
int measure(const Shape *p) { return p->area(); }
int main() {
  Square q;
  return measure(&q) - 4;
}
