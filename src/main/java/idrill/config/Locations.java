package idrill.config;

import java.nio.file.Path;
import java.util.Map;

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
