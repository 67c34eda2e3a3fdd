package idrill.interop;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

/** Ids and tags made from text: lowercase ASCII words joined by '-', as the bank schema wants. */
public final class Slugs {
  static final int ID_MAX = 48;
  static final int TAG_MAX = 64;

  private Slugs() {}

  /** "What's a Pod (in k8s)?" → "whats-a-pod-in-k8s"; accents folded, everything else a separator. */
  static String slug(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(folded.length());
    boolean dash = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      // C++ and C# are other languages than C: their signs become words
      String word = c == '+' ? "plus" : c == '#' && i > 0 && Character.isLetter(folded.charAt(i - 1)) ? "sharp" : null;
      if (word != null) {
        if (b.length() > 0) b.append('-');
        b.append(word);
        dash = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && b.length() > 0) b.append('-');
        b.append(c);
        dash = false;
      } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // the accent of a folded letter
      } else if (c != '\'' && c != '\u2019') {
        dash = true; // apostrophes join: "what's" → "whats"
      }
    }
    return b.toString();
  }

  /** True when s can be a bank id as it is. */
  static boolean isId(String s) {
    return s.length() <= 64 && s.matches("[a-z0-9][a-z0-9-]*");
  }

  /** Cuts a slug to at most max characters at a '-' when there is one. */
  static String shorten(String slug, int max) {
    if (slug.length() <= max) return slug;
    int cut = slug.lastIndexOf('-', max);
    return cut > 0 ? slug.substring(0, cut) : slug.substring(0, max);
  }

  /** The id a question gets before de-duplication; text with no ASCII word gets a hash, stable across runs. */
  public static String id(String questionPlainText) {
    String s = shorten(slug(questionPlainText), ID_MAX);
    if (!s.isEmpty()) return s;
    CRC32 crc = new CRC32();
    crc.update(questionPlainText.getBytes(StandardCharsets.UTF_8));
    return "q-" + Long.toHexString(crc.getValue());
  }

  /** A tag from a heading or an Anki tag; null when nothing is left. */
  static String tag(String text) {
    String s = shorten(slug(text), TAG_MAX);
    return s.isEmpty() ? null : s;
  }

  /**
   * base, or when taken base with a short hash of what tells the question apart (stable wherever it sits in
   * its source), then -2, -3…; records the choice in taken.
   */
  static String unique(String base, String identity, Set<String> taken) {
    if (taken.add(base)) return base;
    CRC32 crc = new CRC32();
    crc.update(identity.getBytes(StandardCharsets.UTF_8));
    String hashed = shorten(base, ID_MAX - 7) + "-" + String.format("%06x", crc.getValue() & 0xffffff);
    return unique(hashed, taken);
  }

  /** base, or base-2, base-3… whichever is not taken yet; records the choice in taken. */
  public static String unique(String base, Set<String> taken) {
    String id = base;
    for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
    return id;
  }
}
