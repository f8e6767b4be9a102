package dev.camelkling.client.schema;

/**
 * Kling's two API design standards (kling-api-2026.md §1). A request does not choose one: its model does. A model id
 * of the new design's tables ({@link NewDesignModels}, e.g. {@code kling-3.0}) on a feature with a new-design path
 * selects {@link #NEW_DESIGN}; any other model, no model, or a model no table knows stays {@link #LEGACY}
 * (kling-api-2026.md §8). See {@link RequestSchema#design}.
 */
public enum DesignStandard {
    /** {@code /v1/...} paths, {@code model_name} in a flat body; AK/SK JWT or API key. */
    LEGACY,
    /** The model in the path ({@code /text-to-video/kling-3.0}), {@code prompt}/{@code contents[]} + {@code settings} + {@code options}; API key only. */
    NEW_DESIGN
}
