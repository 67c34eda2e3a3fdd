package idrill.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where idrill keeps its files, following the XDG base-directory conventions. */
public final class Locations {
  private Locations() {}

  /** --data-dir, else $IDRILL_DATA_DIR, else ${XDG_DATA_HOME:-$HOME/.local/share}/idrill. */
  public static Path dataDir(String dataDirOption, Map<String, String> env) {
    if (set(dataDirOption)) return expand(dataDirOption, env);
    String own = env.get("IDRILL_DATA_DIR");
    if (set(own)) return expand(own, env);
    return xdg(env, "XDG_DATA_HOME", ".local/share").resolve("idrill");
  }

  /** ${XDG_CACHE_HOME:-$HOME/.cache}/idrill: derived copies (banks/, terminfo/), safe to delete at any time. */
  public static Path cacheDir(Map<String, String> env) {
    return xdg(env, "XDG_CACHE_HOME", ".cache").resolve("idrill");
  }

  /**
   * This machine's name for its review log: the config's {@code machine}, else the host name (from the kernel on
   * Linux, else {@code uname -n}: InetAddress may wait on DNS); "machine" when none can be had.
   */
  public static String machine(Config config) {
    if (config.machine() != null) return config.machine();
    for (String f : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
      try {
        String h = Files.readString(Path.of(f), StandardCharsets.UTF_8).strip();
        if (!h.isEmpty()) return h;
      } catch (IOException | RuntimeException e) {
        // not Linux, or no such file: the next way
      }
    }
    try {
      Process p = new ProcessBuilder("uname", "-n").redirectErrorStream(true).start();
      String h = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor(2, TimeUnit.SECONDS);
      return h.isEmpty() ? "machine" : h;
    } catch (IOException e) {
      return "machine";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "machine";
    }
  }

  /** ${name:-$HOME/fallback}; per the XDG spec a relative value is ignored. */
  static Path xdg(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    if (set(v) && Path.of(v).isAbsolute()) return Path.of(v);
    return home(env).resolve(fallback);
  }

  /** $HOME, else the JVM's idea of it. */
  public static Path home(Map<String, String> env) {
    String h = env.get("HOME");
    return Path.of(set(h) ? h : System.getProperty("user.home"));
  }

  /** "~" and "~/x" mean the home directory; anything else is a plain path. */
  public static Path expand(String path, Map<String, String> env) {
    if (path.equals("~")) return home(env);
    if (path.startsWith("~/")) return home(env).resolve(path.substring(2));
    return Path.of(path);
  }

  private static boolean set(String s) {
    return s != null && !s.isEmpty();
  }
}
