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
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
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

  /** base, or base-2, base-3… whichever is not taken yet; records the choice in taken. */
  public static String unique(String base, Set<String> taken) {
    String id = base;
    for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
    return id;
  }
}
