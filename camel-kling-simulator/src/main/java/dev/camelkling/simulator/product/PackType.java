package dev.camelkling.simulator.product;

/** The resource-pack type whose concurrency a task counts against (§4). */
public enum PackType {
    VIDEO, IMAGE
}
