package idrill;

public final class Main {
  public static void main(String[] args) {
    System.out.println(picocli.CommandLine.class.getName());
  }
}
