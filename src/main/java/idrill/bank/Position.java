package idrill.bank;

/** Where something stands in a file; line and column are 1-based. */
public record Position(String file, int line, int col) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + col;
  }
}
