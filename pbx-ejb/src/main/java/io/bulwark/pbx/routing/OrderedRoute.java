package io.bulwark.pbx.routing;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The columns every route table has (id, unique name, place in the list, timestamps, version) and
 * the one way a route's place changes: by swapping with a neighbour. Each kind of route keeps its
 * own table; this only spares writing the same mapping twice.
 */
@MappedSuperclass
public abstract class OrderedRoute {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Column(nullable = false)
  private int position;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected OrderedRoute() {}

  protected OrderedRoute(int position) {
    this.position = position;
  }

  /** Only through a draft the service has checked: names are unique. */
  protected void rename(String name) {
    this.name = name;
  }

  @PrePersist
  void onCreate() {
    createdAt = Instant.now();
    updatedAt = createdAt;
  }

  @PreUpdate
  void onUpdate() {
    updatedAt = Instant.now();
  }

  /** The route's place in the list: lower is tried first. */
  public int getPosition() {
    return position;
  }

  /** Moves a route by trading places with its neighbour, so positions stay unique and dense. */
  void swapPlaces(OrderedRoute other) {
    int mine = position;
    position = other.position;
    other.position = mine;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
