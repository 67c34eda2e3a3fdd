package idrill.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationsTest {
  private static final Map<String, String> ALL =
      Map.of("HOME", "/h", "IDRILL_DATA_DIR", "/own", "XDG_DATA_HOME", "/xdg");

  @Test
  void optionWinsOverEverything() {
    assertEquals(Path.of("/opt/d"), Locations.dataDir("/opt/d", ALL));
  }

  @Test
  void ownVariableWinsOverXdg() {
    assertEquals(Path.of("/own"), Locations.dataDir(null, ALL));
    assertEquals(Path.of("/own"), Locations.dataDir("", ALL));
  }

  @Test
  void xdgDataHomeThenHome() {
    assertEquals(Path.of("/xdg/idrill"), Locations.dataDir(null, Map.of("HOME", "/h", "XDG_DATA_HOME", "/xdg")));
    assertEquals(Path.of("/h/.local/share/idrill"), Locations.dataDir(null, Map.of("HOME", "/h", "IDRILL_DATA_DIR", "")));
  }

  @Test
  void tildeMeansHome() {
    assertEquals(Path.of("/h/drill"), Locations.dataDir("~/drill", ALL));
    assertEquals(Path.of("/h/d2"), Locations.dataDir(null, Map.of("HOME", "/h", "IDRILL_DATA_DIR", "~/d2")));
  }
}
