/**
 * The engine: {@link org.isoscoring.drools.DroolsScoringEngine} (found through {@code ServiceLoader}), a compiled
 * {@link org.isoscoring.drools.Guidance}, the classes its vocabulary is written from ({@link
 * org.isoscoring.drools.Sources}, {@link org.isoscoring.drools.BaseSheet}, …), scoring a request in parts and reading
 * the results back ({@code Evaluation}, {@code Assembly}), the rules fired without the network ({@link
 * org.isoscoring.drools.Direct}) and the budgets that stop runaway rules. Nothing here is for rule files, which
 * import {@link org.isoscoring.rules} only; the officers' tooling is {@link org.isoscoring.drools.check}.
 */
package org.isoscoring.drools;
