"use client";
import { useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { useHydrated } from "@/components/ui/use-hydrated";
import styles from "./listings.module.css";

interface Photo {
  id: string;
  url: string;
  alt: string;
}

/**
 * The listing's photos side by side in a scroll-snapping strip: a finger swipes it, the keyboard
 * scrolls it once it has focus, and with scripts previous/next buttons (going round at the ends) and a
 * counter go with it.
 */
export function ListingGallery({ photos }: { photos: Photo[] }) {
  const t = useTranslations("publicListings.gallery");
  const hydrated = useHydrated();
  const track = useRef<HTMLUListElement>(null);
  const [current, setCurrent] = useState(0);
  const several = photos.length > 1;

  const show = (index: number) => {
    const strip = track.current;
    if (!strip) return;
    const target = (index + photos.length) % photos.length;
    strip.scrollTo({ left: target * strip.clientWidth });
  };
  const onScroll = () => {
    const strip = track.current;
    if (strip) setCurrent(Math.round(strip.scrollLeft / strip.clientWidth));
  };

  return (
    <section className={styles.gallery} aria-label={t("label")} aria-roledescription="carousel">
      <ul
        ref={track}
        className={styles.track}
        onScroll={several ? onScroll : undefined}
        tabIndex={several ? 0 : undefined}
        data-testid="gallery-track"
      >
        {photos.map((photo, index) => (
          <li
            key={photo.id}
            className={styles.slide}
            aria-roledescription="slide"
            aria-label={t("position", { current: index + 1, total: photos.length })}
          >
            {/* eslint-disable-next-line @next/next/no-img-element -- demo photos are SVG; uploads arrive pre-sized */}
            <img
              src={photo.url}
              alt={photo.alt}
              loading={index === 0 ? "eager" : "lazy"}
              fetchPriority={index === 0 ? "high" : undefined}
            />
          </li>
        ))}
      </ul>
      {/* The row keeps its height before the script runs, so the page below does not jump when it appears. */}
      {several && (
        <div className={styles.controls}>
          {hydrated && (
            <>
              <button type="button" className="button secondary" onClick={() => show(current - 1)}>
                {t("previous")}
              </button>
              <p className={styles.counter} aria-live="polite" data-testid="gallery-counter">
                <span aria-hidden="true">
                  {current + 1} / {photos.length}
                </span>
                <span className="visually-hidden">{t("position", { current: current + 1, total: photos.length })}</span>
              </p>
              <button type="button" className="button secondary" onClick={() => show(current + 1)}>
                {t("next")}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
