package io.newsflow.api.repository;

import io.newsflow.api.repository.ArticleRepository.ArticleRow;
import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The article rows of one transaction that wait to go to the database together ({@link ArticleRepository#queue}),
 * and the ids of the articles its writes created so far. One per transaction: api instances and concurrent batches
 * never share it.
 */
@TransactionScoped
class PendingArticleRows implements Serializable {

    final List<ArticleRow> rows = new ArrayList<>();
    final Set<UUID> created = new HashSet<>();
}
