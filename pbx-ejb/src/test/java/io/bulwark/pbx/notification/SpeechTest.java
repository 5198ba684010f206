package io.bulwark.pbx.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** espeak-ng for real: the launcher installs it with the other test tools. */
class SpeechTest {

  @Test
  void aSentenceIsSpokenAsMuLawClipsOfAtMostSixSeconds() {
    SpokenMessage spoken =
        Speech.say(Speech.text("Backup failed", "The backup of 03:00 could not be written."));

    assertTrue(spoken.length().compareTo(Duration.ofSeconds(1)) > 0, spoken.length().toString());
    assertTrue(spoken.length().compareTo(Duration.ofSeconds(12)) < 0, spoken.length().toString());
    for (SpokenMessage.Clip clip : spoken.clips()) {
      assertEquals("RIFF", new String(Arrays.copyOf(clip.wav(), 4), StandardCharsets.US_ASCII));
      assertTrue(clip.length().compareTo(Speech.LONGEST_CLIP) <= 0, clip.length().toString());
    }
  }

  @Test
  void aLongTextIsCutAtFourHundredCharacters() {
    String sentence = "Trunk one is down again. ";
    Duration capped = Speech.say(sentence.repeat(16)).length();
    Duration longer = Speech.say(sentence.repeat(40)).length();
    assertEquals(capped.toSeconds(), longer.toSeconds(), 1.0, capped + " and " + longer);
    assertTrue(capped.compareTo(Speech.LONGEST_CLIP) > 0, "more than one clip: " + capped);
  }
}
