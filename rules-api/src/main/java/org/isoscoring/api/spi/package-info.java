/**
 * For engines, not for callers: what an implementation of {@link org.isoscoring.api.ScoringEngine} uses to make its
 * results quickly. Nothing here is needed to score a request or to read a result.
 */
package org.isoscoring.api.spi;
