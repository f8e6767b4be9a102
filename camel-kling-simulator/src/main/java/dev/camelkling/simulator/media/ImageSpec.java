package dev.camelkling.simulator.media;

/** What a simulated generated image shows; the PNG is rendered on first download. */
public record ImageSpec(String product, String prompt, FrameSize size, int index) {
}
