import { FileComplaintWizard } from '../../features/file-complaint/wizard';

export default function Page() {
  return <FileComplaintWizard />;
}
