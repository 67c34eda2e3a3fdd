package idrill.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jline.utils.InfoCmp;

/**
 * What {@code infocmp -x $TERM} said, kept in the cache directory: JLine runs infocmp in a subprocess (~28 ms) every
 * time it builds a terminal otherwise. The copy is used only while the terminfo file it names in its first line is
 * no newer than the copy, so an updated terminfo database is picked up at the next drill.
 */
final class TerminfoCache {
  private static final String SOURCE = "#\tReconstructed via infocmp from file: ";

  private final Path file;
  private final String term;

  private TerminfoCache(Path file, String term) {
    this.file = file;
    this.term = term;
  }

  /** The cache entry for term, or null when term is no plain terminal name (nothing is then read or written). */
  static TerminfoCache of(Path cacheDir, String term) {
    if (!plainName(term)) return null;
    return new TerminfoCache(cacheDir.resolve("terminfo").resolve(term), term);
  }

  // a file name under our directory: no separators, no dot-dot, nothing a shell or terminal would read oddly
  private static boolean plainName(String term) {
    if (term == null || term.isEmpty() || term.length() > 64 || term.charAt(0) == '.' || term.charAt(0) == '-') return false;
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '+' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Hands JLine the cached description when it is still current; true if it did. */
  boolean preload() {
    try {
      if (!Files.isRegularFile(file)) return false;
      Path source;
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String first = r.readLine();
        if (first == null || !first.startsWith(SOURCE)) return false;
        source = Path.of(first.substring(SOURCE.length()));
      }
      if (Files.getLastModifiedTime(source).compareTo(Files.getLastModifiedTime(file)) > 0) return false;
      InfoCmp.setLoadedInfoCmp(term, Files.readString(file, StandardCharsets.UTF_8));
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // a cache that cannot be read is a cache miss
    }
  }

  /** Keeps what infocmp told JLine this run, if it ran; best effort, like any cache. */
  void save() {
    String caps = InfoCmp.getLoadedInfoCmp(term);
    if (caps == null || !caps.startsWith(SOURCE)) return;
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "." + term, ".tmp");
      try {
        Files.writeString(tmp, caps, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // next time infocmp runs again
    }
  }
}
