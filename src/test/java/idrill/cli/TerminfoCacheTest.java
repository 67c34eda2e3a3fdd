package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminfoCacheTest {
  @TempDir Path tmp;

  // JLine keeps loaded descriptions in a static map, so every case uses a terminal name of its own
  private String describe(Path source, String term) {
    return "#\tReconstructed via infocmp from file: " + source + "\n" + term + "|a test terminal,\n\tam, cols#80,\n";
  }

  @Test
  void keepsWhatInfocmpSaidAndHandsItToJLineNextTime() throws Exception {
    Path source = Files.writeString(tmp.resolve("src-terminfo"), "compiled");
    Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    String caps = describe(source, "idrill-test-saved");
    InfoCmp.setLoadedInfoCmp("idrill-test-saved", caps); // as after JLine ran infocmp
    TerminfoCache.of(tmp, "idrill-test-saved").save();
    Path cached = tmp.resolve("terminfo/idrill-test-saved");
    assertEquals(caps, Files.readString(cached));

    Files.copy(cached, tmp.resolve("terminfo/idrill-test-next"));
    assertNull(InfoCmp.getLoadedInfoCmp("idrill-test-next"));
    assertTrue(TerminfoCache.of(tmp, "idrill-test-next").preload());
    assertEquals(caps, InfoCmp.getLoadedInfoCmp("idrill-test-next"));
  }

  @Test
  void ignoresACopyOlderThanItsTerminfoFileOrWithoutOne() throws Exception {
    Path source = Files.writeString(tmp.resolve("src-terminfo"), "compiled");
    Files.createDirectories(tmp.resolve("terminfo"));
    Path cached = Files.writeString(tmp.resolve("terminfo/idrill-test-stale"), describe(source, "idrill-test-stale"));
    Files.setLastModifiedTime(cached, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertFalse(TerminfoCache.of(tmp, "idrill-test-stale").preload(), "terminfo updated since");
    assertNull(InfoCmp.getLoadedInfoCmp("idrill-test-stale"));

    Files.writeString(tmp.resolve("terminfo/idrill-test-gone"), describe(tmp.resolve("missing"), "idrill-test-gone"));
    assertFalse(TerminfoCache.of(tmp, "idrill-test-gone").preload(), "terminfo file removed");
    Files.writeString(tmp.resolve("terminfo/idrill-test-odd"), "idrill-test-odd|no header,\n");
    assertFalse(TerminfoCache.of(tmp, "idrill-test-odd").preload(), "not infocmp's output");
    assertFalse(TerminfoCache.of(tmp, "idrill-test-none").preload(), "nothing cached");
  }

  @Test
  void savesNothingWhenInfocmpDidNotRun() {
    TerminfoCache.of(tmp, "idrill-test-unknown").save();
    assertFalse(Files.exists(tmp.resolve("terminfo/idrill-test-unknown")));
  }

  @Test
  void onlyPlainTerminalNamesBecomeFileNames() {
    for (String bad : new String[] {null, "", "../x", "a/b", ".hidden", "-x", "x y", "é", "x".repeat(65)}) {
      assertNull(TerminfoCache.of(tmp, bad), String.valueOf(bad));
    }
    assertNotNull(TerminfoCache.of(tmp, "xterm-256color"));
    assertNotNull(TerminfoCache.of(tmp, "rxvt-unicode+sixel.v2_x"));
  }
}
