package dev.camelkling.component;

import dev.camelkling.simulator.SampleMedia;

/** Real media made on the fly for inputs: PNG pictures and WAV audio of a chosen length. */
final class TestMedia {

    private TestMedia() {
    }

    static byte[] png(int width, int height) {
        return SampleMedia.png(width, height);
    }

    /** A 440 Hz tone, 8 kHz mono 16-bit. */
    static byte[] wav(double seconds) {
        return SampleMedia.wav(seconds);
    }
}
