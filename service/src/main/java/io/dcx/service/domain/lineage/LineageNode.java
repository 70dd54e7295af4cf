package io.dcx.service.domain.lineage;

/** A work in another work's lineage, {@code depth} generations away (1 = a direct parent or child). */
public record LineageNode(String id, String title, int depth) {
}
