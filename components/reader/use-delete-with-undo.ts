'use client';

// Deleting from the workspace: one's own annotations only (the button is hidden otherwise, and the
// shortcut asks the same rule), then a toast whose Undo restores it.
import { useCallback } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { CurrentUser } from '@/lib/core/actor';
import { canDeleteAnnotation } from '@/lib/core/permissions';
import { useDeleteAnnotation, useRestoreAnnotation } from '@/components/hooks/use-annotations';
import { useToast } from '@/components/annotations/toast';

export function useDeleteWithUndo(articleId: string, currentUser: CurrentUser, onDeleted: (id: string) => void) {
  const toast = useToast();
  // The mutations' `mutate` functions are stable (their result objects are not): the callback stays
  // the same across renders, so the memoised sidebar items it is passed to are not re-rendered.
  const remove = useDeleteAnnotation(articleId).mutate;
  const restore = useRestoreAnnotation(articleId).mutate;
  return useCallback(
    (annotation: AnnotationDto) => {
      if (!canDeleteAnnotation(currentUser, annotation.author.id).ok) return;
      onDeleted(annotation.id);
      remove(annotation.id, {
        onSuccess: () => {
          toast.show({
            message: 'Annotation deleted.',
            timeout: 10_000,
            action: { label: 'Undo', onClick: () => restore({ id: annotation.id, annotation }) },
          });
        },
      });
    },
    [currentUser, remove, restore, toast, onDeleted],
  );
}
