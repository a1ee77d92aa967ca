package org.isoscoring.cli;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.isoscoring.api.ScoringEngine;
import org.isoscoring.api.ScoringJson;
import org.isoscoring.api.ScoringRequest;
import org.isoscoring.xlsx.Workbooks;

/** Loads the engine and its rules in a background thread, so that a command can read its input meanwhile. */
final class Loading {

    private Loading() {
    }

    /** Starts loading the bundled guidances, or the guidance folder {@code rules} when it is not {@code null}. */
    static CompletableFuture<ScoringEngine> engine(Path rules) {
        return CompletableFuture.supplyAsync(
                () -> rules == null ? ScoringEngine.create().preload() : ScoringEngine.create().withRules(rules),
                task -> {
                    Thread thread = new Thread(task, "iso-scoring-rules");
                    thread.setDaemon(true); // a command that fails on its input does not wait for the rules
                    thread.start();
                });
    }

    /**
     * The engine a request is read with: for the bundled guidances one that reads their declarations only (so the
     * request is read while the rules load), for a folder the loaded one.
     */
    static ScoringEngine reader(Path rules, CompletableFuture<ScoringEngine> loading) {
        return rules == null ? ScoringEngine.create() : join(loading);
    }

    /**
     * Reads a request file by the vocabulary of the guidance that scores it: a workbook (a name ending in
     * {@code .xlsx}, or a zip archive) by {@link Workbooks}, anything else as JSON.
     */
    static ScoringRequest request(Path file, ScoringEngine reader) {
        return Workbooks.isWorkbook(file) ? Workbooks.readRequest(file, reader) : ScoringJson.readRequest(file, reader);
    }

    /** The loaded engine; a failure to load is thrown as it was thrown in the background. */
    static ScoringEngine join(CompletableFuture<ScoringEngine> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
