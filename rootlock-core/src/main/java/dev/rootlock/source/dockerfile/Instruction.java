package dev.rootlock.source.dockerfile;

import dev.rootlock.model.Position;

/**
 * One Dockerfile instruction with its continuation lines joined and comments removed.
 *
 * @param keyword upper-cased ({@code FROM}, {@code USER}); instructions are case-insensitive
 * @param arguments everything after the keyword, trimmed
 * @param position where the keyword starts
 */
public record Instruction(String keyword, String arguments, Position position) {}
