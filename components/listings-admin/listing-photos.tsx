"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { removeListingPhotoAction, reorderListingPhotosAction } from "@/lib/listings/admin/actions";
import { MAX_PHOTO_BYTES, MAX_PHOTO_MB, MAX_PHOTOS } from "@/lib/listings/photos/schema";
import { detectPhotoType } from "@/lib/listings/photos/type";
import { FormStatus } from "./form-fields";
import { PhotoAltForm } from "./photo-alt-form";
import styles from "./listings-admin.module.css";
import { useRefusalText } from "@/components/ui/refusal";

export interface Photo {
  id: string;
  url: string;
  alt: string;
  altEn: string;
}

type Answer = { ok: boolean; fieldErrors?: Record<string, string>; error?: string };

/** Upload (checked here for size and type first, then again on the server), reorder, describe and remove photos. */
export function ListingPhotos({ listingId, photos }: { listingId: string; photos: Photo[] }) {
  const t = useTranslations("listingsAdmin");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const tp = useTranslations("listingsAdmin.photos");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fileError, setFileError] = useState<string>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const formRef = useRef<HTMLFormElement>(null);
  const tv = (key: string) => validation(key);
  const textOf = (answer: Answer) =>
    answer.error ? refusal(answer, t("form.forbidden")) : tv(Object.values(answer.fieldErrors ?? {})[0] ?? "invalid");

  const after = (answer: Answer, done: string) => {
    if (!answer.ok) return setMessage({ ok: false, text: textOf(answer) });
    setMessage({ ok: true, text: done });
    router.refresh();
  };

  const upload = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    startTransition(async () => {
      setMessage(undefined);
      setFileError(undefined);
      if (!(file instanceof File) || file.size === 0) return setFileError(tv("required"));
      if (file.size > MAX_PHOTO_BYTES) return setFileError(tv(`fileSize:${MAX_PHOTO_MB}`));
      if (!detectPhotoType(new Uint8Array(await file.slice(0, 16).arrayBuffer()))) return setFileError(tv("fileType"));
      const response = await fetch(`/crm/listings/${listingId}/photos`, { method: "POST", body: data }).catch(
        () => null,
      );
      const answer: Answer = response ? await response.json().catch(() => ({ ok: false })) : { ok: false };
      if (!answer.ok && answer.fieldErrors?.file) return setFileError(tv(answer.fieldErrors.file));
      if (answer.ok) formRef.current?.reset();
      after(answer, tp("uploaded"));
    });
  };

  const move = (index: number, by: -1 | 1) => {
    const order = photos.map((photo) => photo.id);
    [order[index], order[index + by]] = [order[index + by], order[index]];
    startTransition(async () => after(await reorderListingPhotosAction({ listingId, photoIds: order }), tp("moved")));
  };

  const remove = (photoId: string) => {
    if (!window.confirm(tp("removeConfirm"))) return;
    startTransition(async () => after(await removeListingPhotoAction({ photoId }), tp("removed")));
  };

  const full = photos.length >= MAX_PHOTOS;
  return (
    <section className="panel" aria-labelledby="listing-photos" data-testid="listing-photos">
      <h2 id="listing-photos">
        {tp("title")} <span className="meta">{tp("count", { count: photos.length, max: MAX_PHOTOS })}</span>
      </h2>
      {photos.length === 0 && <p className="meta">{tp("none")}</p>}
      <ol className={styles.photos}>
        {photos.map((photo, index) => (
          <li key={photo.id} className={styles.photo} data-testid="listing-photo">
            {/* eslint-disable-next-line @next/next/no-img-element -- uploads are served as stored */}
            <img src={photo.url} alt={photo.alt} loading="lazy" />
            <p className="meta">{index === 0 ? tp("cover") : tp("photoOf", { n: index + 1 })}</p>
            <PhotoAltForm photo={photo} onDone={(answer) => after(answer, t("form.saved"))} />
            <div className="row-actions">
              <button
                type="button"
                className="button secondary"
                disabled={pending || index === 0}
                onClick={() => move(index, -1)}
              >
                {tp("moveUp")}
              </button>
              <button
                type="button"
                className="button secondary"
                disabled={pending || index === photos.length - 1}
                onClick={() => move(index, 1)}
              >
                {tp("moveDown")}
              </button>
              <button type="button" className="button secondary" disabled={pending} onClick={() => remove(photo.id)}>
                {tp("remove")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <FormStatus status={message} />
      {full ? (
        <p className="notice">{tp("full", { max: MAX_PHOTOS })}</p>
      ) : (
        <form ref={formRef} className={styles.upload} onSubmit={upload} noValidate>
          <Field
            name="photo-file"
            label={tp("file")}
            hint={tp("fileHint", { mb: MAX_PHOTO_MB, max: MAX_PHOTOS })}
            error={fileError}
          >
            <input
              type="file"
              name="file"
              accept="image/jpeg,image/png,image/webp"
              {...inputAria("photo-file", fileError, true)}
            />
          </Field>
          <div className="form-row two">
            <Field name="photo-alt" label={tp("alt")} hint={tp("altHint")}>
              <input type="text" name="alt" maxLength={100} {...inputAria("photo-alt", undefined, true)} />
            </Field>
            <Field name="photo-altEn" label={tp("altEn")}>
              <input type="text" name="altEn" maxLength={160} {...inputAria("photo-altEn", undefined)} />
            </Field>
          </div>
          <button type="submit" className="button" disabled={pending}>
            {pending ? tp("uploading") : tp("upload")}
          </button>
        </form>
      )}
    </section>
  );
}
