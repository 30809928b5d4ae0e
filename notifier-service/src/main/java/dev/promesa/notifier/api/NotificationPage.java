package dev.promesa.notifier.api;

import java.util.List;

/** A page of notifications, newest first. */
public record NotificationPage(int page, int size, long total, List<NotificationView> items) {
}
