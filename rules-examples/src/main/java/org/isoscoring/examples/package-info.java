/**
 * Synthetic example requests, made by a deterministic generator: the example province of
 * {@code docs/examples/bac-giang-2022.json}, the two-tier example of {@code docs/examples/two-tier-2026.json} and
 * national-size requests ({@link org.isoscoring.examples.ExampleProvinces}). The command line writes them
 * ({@code iso-scoring generate-example}); the tests and the benchmarks use them without JSON in between. The data
 * are invented: none of it is a real result of any agency.
 */
package org.isoscoring.examples;
