/**
 * A Camel-free, asynchronous client of the Kling AI API, both of its design standards: the legacy {@code /v1} design
 * and the 2026 new design (kling-api-2026.md). A request's model chooses the design
 * ({@link dev.camelkling.client.request.KlingRequest#design()}). Start at {@link dev.camelkling.client.KlingClient};
 * docs/architecture.md draws the whole picture.
 *
 * <p>What a user imports, by package:
 * <ul>
 *   <li>this package: {@link dev.camelkling.client.KlingClient} (create, get, get by external id, list, wait,
 *       download, identify-face; the new design's batch reads {@code getTasks}/{@code getTasksByExternalIds} and cursor
 *       listing {@code listTasks} with its {@link dev.camelkling.client.TaskQuery}; every call returns a
 *       {@link java.util.concurrent.CompletableFuture}) and its {@link dev.camelkling.client.KlingClientConfig}.</li>
 *   <li>{@code request}: {@link dev.camelkling.client.request.KlingFeature}, one descriptor per Kling product (path,
 *       result kind, natural inputs, request schema), and {@link dev.camelkling.client.request.KlingRequest}, the one
 *       request type, which carries its feature; {@link dev.camelkling.client.request.KlingRequests} has a typed
 *       builder per feature.</li>
 *   <li>{@code task}: what comes back ({@link dev.camelkling.client.task.KlingTask}, its status, videos, images,
 *       faces, billing of new-design tasks, a {@link dev.camelkling.client.task.TaskPage} of the cursor listing) and the two task
 *       outcomes that are exceptions (failed, not finished in time).</li>
 *   <li>{@code error}: the {@link dev.camelkling.client.error.KlingException} family (API error with Kling's code,
 *       transport failure, local validation naming the field and the rule).</li>
 *   <li>{@code auth}: credentials (access key + secret key signed as a JWT, or an API key), masked in every text.</li>
 *   <li>{@code media}: {@link dev.camelkling.client.media.KlingMedia}, an image, audio or video input (URL, Base64,
 *       bytes, file, stream) with local probes of image size and audio length.</li>
 *   <li>{@code callback}: parsing and verifying what Kling posts to a {@code callback_url}.</li>
 * </ul>
 *
 * <p>The client's inner parts, each used only by the layers above it: {@code schema} (the documented field rules as
 * data, loose value conversion, model tables of both designs, the new design's paths and body shape), {@code transport} (HTTP, JSON, retries, the streamed request body) and
 * {@code wait} (polling a task to its end, the concurrency queue). Dependencies point one way:
 * {@code client -> wait -> transport -> request -> schema -> media -> error}, with {@code task} and {@code auth}
 * below {@code transport}; no package depends on one above it (DependencyCyclesTest keeps it so).
 *
 * <p>Nothing here depends on Apache Camel.
 */
package dev.camelkling.client;
