package dev.camelkling.simulator.product;

/**
 * One Kling generation feature as data: where it lives, what it costs in concurrency, what its result
 * holds and how its create request is checked. Adding a product means one validator and one entry in
 * {@link ProductCatalog}.
 *
 * @param name             short name, also the capability key in {@link ModelCatalog}
 * @param path             the create/list path; get-one is {@code path + "/{id}"}
 * @param packType         which concurrency pool the task uses
 * @param resultKind       videos or images in {@code task_result}
 * @param externalIdLookup whether get-one also resolves {@code external_task_id}s
 * @param validator        the synchronous request rules; {@code null} for the 2026 new design's paths, whose
 *                         rules depend on the model in the path ({@link NewDesignCatalog#validate})
 */
public record ProductDescriptor(String name, String path, PackType packType, ResultKind resultKind,
                                boolean externalIdLookup, RequestValidator validator) {
}
